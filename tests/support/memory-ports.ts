import { issueCredential } from "@/lib/auth/credentials";
import { isOnStage, rolesOf } from "@/lib/domain/stage";
import { parseEnv } from "@/lib/env";
import { limiters } from "@/lib/limits/limiters";
import { limitSettings } from "@/lib/limits/settings";
import type { AccountDeps } from "@/lib/services/accounts";
import type { AudioEvent } from "@/lib/services/audio-events";
import type { Deps } from "@/lib/services/deps";
import type {
  AudioRoom,
  CallRecord,
  HandEventRecord,
  HistoryStore,
  MessageRecord,
  ModerationRecord,
  ModerationStore,
  Notifier,
  ParticipantRecord,
  Recorder,
  RecordingFiles,
  RecordingRecord,
  RecordingStore,
  SpeechSegment,
  Store,
  UserRecord,
  UserStore,
} from "@/lib/services/ports";

/**
 * The services' ports in memory, for tests of the use-cases without a server or
 * a database: each store keeps the contract its Prisma twin documents in
 * lib/services/ports.ts (conditional writes, keyset pages, unique names), a
 * notifier and an audio room that record what they were asked, and a clock
 * that moves only when told.
 */

const byJoin = (a: ParticipantRecord, b: ParticipantRecord) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byHand = (a: ParticipantRecord, b: ParticipantRecord) => a.handRaisedAt!.getTime() - b.handRaisedAt!.getTime() || (a.id < b.id ? -1 : 1);
const copy = <T extends object>(r: T): T => ({ ...r });

/** The tables: calls, participants, messages, moderation entries, bans, hand events, users, recordings. */
export class MemoryDb {
  calls = new Map<string, CallRecord>();
  participants = new Map<string, ParticipantRecord>();
  messages: MessageRecord[] = [];
  moderation: ModerationRecord[] = [];
  bans: { callId: string; participantId: string; userId: string | null; deviceId: string | null }[] = [];
  hands: HandEventRecord[] = [];
  users = new Map<string, UserRecord>();
  recordings = new Map<string, RecordingRecord>();
  segments = new Map<string, SpeechSegment[]>();

  inCall(callId: string): ParticipantRecord[] {
    return [...this.participants.values()].filter((p) => p.callId === callId);
  }
  present(callId: string): ParticipantRecord[] {
    return this.inCall(callId).filter((p) => p.leftAt === null);
  }
  log(e: Omit<ModerationRecord, "id">): ModerationRecord {
    const entry = { ...e, id: this.moderation.length + 1 };
    this.moderation.push(entry);
    return copy(entry);
  }
}

export function memoryStore(db: MemoryDb): Store {
  const update = (id: string, patch: Partial<ParticipantRecord>) => {
    const p = db.participants.get(id);
    if (!p) throw new Error(`no participant ${id}`);
    Object.assign(p, patch);
    return copy(p);
  };
  return {
    async createCall(call, host) {
      if (db.calls.has(call.id)) return false;
      db.calls.set(call.id, { ...call, endedAt: null, emptySince: null, locked: false, recordingId: null });
      db.participants.set(host.id, copy(host));
      return true;
    },
    findCall: async (id) => (db.calls.has(id) ? copy(db.calls.get(id)!) : null),
    async endCall(id, at) {
      const call = db.calls.get(id);
      if (!call || call.endedAt) return null;
      call.endedAt = at;
      for (const p of db.present(id)) Object.assign(p, { leftAt: at, handRaised: false });
      return copy(call);
    },
    async setCallEmptySince(id, at) {
      const call = db.calls.get(id);
      if (call && !call.endedAt) call.emptySince = at;
    },
    async setCallHostUser(id, userId) {
      db.calls.get(id)!.hostUserId = userId;
    },
    listIdleCalls: async (cutoff) => [...db.calls.values()].filter((c) => !c.endedAt && c.emptySince && c.emptySince < cutoff).map((c) => c.id),
    findParticipant: async (id) => (db.participants.has(id) ? copy(db.participants.get(id)!) : null),
    findUserParticipant: async (callId, userId) => {
      const p = db.inCall(callId).find((x) => x.userId === userId);
      return p ? copy(p) : null;
    },
    countPresentParticipants: async (callId) => db.present(callId).length,
    listStage: async (callId) =>
      db
        .present(callId)
        .filter((p) => isOnStage(p.role))
        .sort(byJoin)
        .map(copy),
    async listParticipantPage(callId, q) {
      const hands = q.group === "hands";
      const key = (p: ParticipantRecord) => (hands ? p.handRaisedAt! : p.joinedAt);
      return db
        .present(callId)
        .filter((p) => (q.group === "hands" ? p.handRaised : rolesOf(q.group).includes(p.role)))
        .filter((p) => !q.search || p.displayName.toLowerCase().includes(q.search.toLowerCase()))
        .filter((p) => !q.after || key(p) > q.after.at || (key(p).getTime() === q.after.at.getTime() && p.id > q.after.id))
        .sort(hands ? byHand : byJoin)
        .slice(0, q.limit)
        .map(copy);
    },
    async countAudience(callId) {
      const audience = db.present(callId).filter((p) => !isOnStage(p.role));
      return { total: audience.length, away: audience.filter((p) => p.awaySince).length, hands: audience.filter((p) => p.handRaised).length };
    },
    listDisplayNames: async (callId) => new Set(db.inCall(callId).map((p) => p.displayName)),
    async createParticipant(p) {
      if (db.inCall(p.callId).some((x) => x.displayName === p.displayName)) return false;
      db.participants.set(p.id, copy(p));
      return true;
    },
    updateParticipant: async (id, patch) => update(id, patch),
    updatePresentParticipant: async (id, patch) => (db.participants.get(id)?.leftAt === null ? update(id, patch) : null),
    listAwayBefore: async (cutoff) => [...db.participants.values()].filter((p) => !p.leftAt && p.awaySince && p.awaySince < cutoff).map(copy),
    async leaveIfAwaySince(id, cutoff, at) {
      const p = db.participants.get(id);
      if (!p || p.leftAt || !p.awaySince || p.awaySince >= cutoff) return false;
      Object.assign(p, { leftAt: at, handRaised: false });
      return true;
    },
    async markAway(at, whose) {
      const marked = [...db.participants.values()].filter(
        (p) =>
          !p.leftAt &&
          !p.awaySince &&
          ("alive" in whose ? p.presenceNode === null || !whose.alive.includes(p.presenceNode) : whose.node === null || p.presenceNode === whose.node),
      );
      return marked.map((p) => update(p.id, { awaySince: at }));
    },
    countPresentAdmins: async (callId) => db.present(callId).filter((p) => p.role === "admin").length,
    async insertMessage(m) {
      const original = db.messages.find((x) => x.senderId === m.senderId && x.clientId === m.clientId);
      if (original) return { message: copy(original), duplicate: true };
      const message = { ...m, id: db.messages.length + 1 };
      db.messages.push(message);
      return { message: copy(message), duplicate: false };
    },
    listMessagesBefore: async (callId, before, limit, until) =>
      db.messages
        .filter((m) => m.callId === callId && (before === null || m.id < before) && (!until || m.createdAt <= until))
        .sort((a, b) => b.id - a.id)
        .slice(0, limit)
        .map(copy),
    ping: async () => true,
  };
}

export function memoryModerationStore(db: MemoryDb): ModerationStore {
  const entry = (callId: string, actor: { id: string | null; name: string }, at: Date, rest: Partial<ModerationRecord> & Pick<ModerationRecord, "action">) =>
    db.log({ callId, actorId: actor.id, actorName: actor.name, targetId: null, targetName: null, before: null, after: null, createdAt: at, ...rest });
  return {
    async removeMessage(callId, actor, messageId, at) {
      const m = db.messages.find((x) => x.id === messageId && x.callId === callId);
      if (!m) return null;
      const applies = m.removedAt === null;
      if (applies) m.removedAt = at;
      const logged = applies
        ? entry(callId, actor, at, { action: "message-removed", targetId: m.senderId, targetName: m.senderName, after: String(m.id) })
        : null;
      return { message: { ...m }, entry: logged };
    },

    async changeRole(callId, actor, targetId, to, at, lowersHand) {
      const target = db.participants.get(targetId)!;
      const unchanged = (refused: "actor-not-admin" | "last-admin" | null) => ({ participant: copy(target), entry: null, refused });
      if (target.role === to) return unchanged(null);
      if (actor.id !== null) {
        const acting = db.participants.get(actor.id);
        if (!acting || acting.role !== "admin" || acting.leftAt || acting.removedAt) return unchanged("actor-not-admin");
      }
      if (target.role === "admin" && db.present(callId).filter((p) => p.role === "admin").length <= 1) return unchanged("last-admin");
      const from = target.role;
      Object.assign(target, { role: to }, lowersHand(from, to) ? { handRaised: false, handRaisedAt: null } : {});
      const logged = entry(callId, actor, at, { action: "role", targetId, targetName: target.displayName, before: from, after: to });
      return { participant: copy(target), entry: logged, refused: null };
    },
    async mute(callId, actor, targetId, at) {
      const target = db.participants.get(targetId)!;
      if (target.muted) return { participant: copy(target), entry: null };
      target.muted = true;
      return {
        participant: copy(target),
        entry: entry(callId, actor, at, { action: "mute", targetId, targetName: target.displayName, before: "unmuted", after: "muted" }),
      };
    },
    async remove(callId, actor, targetId, ban, at) {
      const target = db.participants.get(targetId)!;
      const entries: ModerationRecord[] = [];
      const base = { targetId, targetName: target.displayName };
      if (!target.removedAt) {
        Object.assign(target, { removedAt: at, leftAt: target.leftAt ?? at, handRaised: false, handRaisedAt: null });
        if (!ban) entries.push(entry(callId, actor, at, { ...base, action: "remove" }));
      }
      if (ban && !db.bans.some((b) => b.callId === callId && b.participantId === targetId)) {
        db.bans.push({ callId, participantId: targetId, userId: target.userId, deviceId: target.userId ? null : target.deviceId });
        entries.push(entry(callId, actor, at, { ...base, action: "ban", after: target.userId ? "account" : "browser" }));
      }
      return entries;
    },
    async setLocked(callId, actor, locked, at) {
      const call = db.calls.get(callId)!;
      if (call.endedAt || call.locked === locked) return null;
      call.locked = locked;
      return entry(callId, actor, at, { action: locked ? "lock" : "unlock" });
    },
    async setDefaultRole(callId, actor, role, at) {
      const call = db.calls.get(callId)!;
      if (call.endedAt || call.defaultRole === role) return null;
      const before = call.defaultRole;
      call.defaultRole = role as CallRecord["defaultRole"];
      return entry(callId, actor, at, { action: "default-role", before, after: role });
    },
    logEnd: async (callId, actor, at) => entry(callId, actor, at, { action: "end" }),
    logRecording: async (callId, actor, action, detail, at) => entry(callId, actor, at, { action, after: detail }),
    isBanned: async (callId, who) =>
      db.bans.some((b) => b.callId === callId && ((who.userId && b.userId === who.userId) || (who.deviceId && b.deviceId === who.deviceId))),
    list: async (callId, before, limit) =>
      db.moderation
        .filter((e) => e.callId === callId && (before === null || e.id < before))
        .sort((a, b) => b.id - a.id)
        .slice(0, limit)
        .map(copy),
    listRoleChanges: async (callId) => db.moderation.filter((e) => e.callId === callId && e.action === "role").map(copy),
  };
}

export function memoryHistoryStore(db: MemoryDb): HistoryStore {
  const hostName = (c: CallRecord) => (c.hostParticipantId && db.participants.get(c.hostParticipantId)?.displayName) || "";
  const matches = (c: CallRecord, q: { status: "live" | "ended" | "all"; search: string | null; before: { createdAt: Date; id: string } | null }) =>
    (q.status === "all" || (q.status === "live") === (c.endedAt === null)) &&
    (!q.search || c.title.toLowerCase().includes(q.search.toLowerCase()) || c.id.includes(q.search.toLowerCase())) &&
    (!q.before || c.createdAt < q.before.createdAt || (c.createdAt.getTime() === q.before.createdAt.getTime() && c.id < q.before.id));
  const newestFirst = (a: CallRecord, b: CallRecord) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
  const presentCount = (c: CallRecord) => (c.endedAt ? 0 : db.present(c.id).length);
  return {
    async claimSeat(participantId, owner) {
      const p = db.participants.get(participantId)!;
      Object.assign(p, { userId: owner.userId, kind: "user", displayName: owner.displayName, guestName: owner.guestName });
      for (const m of db.messages) if (m.senderId === participantId) m.senderName = owner.displayName;
      return copy(p);
    },

    async listUserCalls(userId, q) {
      const mine = [...db.participants.values()].filter((p) => p.userId === userId);
      return mine
        .map((p) => ({ p, call: db.calls.get(p.callId)! }))
        .filter(({ call }) => matches(call, q))
        .sort((a, b) => newestFirst(a.call, b.call))
        .slice(0, q.limit)
        .map(({ p, call }) => ({
          call: copy(call),
          hostName: hostName(call),
          participantCount: presentCount(call),
          everyoneCount: db.inCall(call.id).length,
          role: p.role,
          joinedAt: p.joinedAt,
        }));
    },
    listAllParticipants: async (callId) => db.inCall(callId).sort(byJoin).map(copy),
    listCalls: async (q) =>
      [...db.calls.values()]
        .filter((c) => matches(c, q))
        .sort(newestFirst)
        .slice(0, q.limit)
        .map((c) => ({ call: copy(c), hostName: hostName(c), participantCount: presentCount(c) })),
    async logHand(e) {
      db.hands.push(copy(e));
    },
    listHandEvents: async (callId, from, to) => db.hands.filter((h) => h.callId === callId && h.createdAt >= from && h.createdAt <= to).map(copy),
    listLiveParticipantsOfUser: async (userId) =>
      [...db.participants.values()].filter((p) => p.userId === userId && !p.leftAt && !db.calls.get(p.callId)!.endedAt).map(copy),
  };
}

export function memoryUserStore(db: MemoryDb, clock: () => Date): UserStore {
  return {
    findUser: async (id) => (db.users.has(id) ? copy(db.users.get(id)!) : null),
    findUserByEmail: async (email) => {
      const u = [...db.users.values()].find((x) => x.email === email);
      return u ? copy(u) : null;
    },
    async createUser(u) {
      if ([...db.users.values()].some((x) => x.email === u.email)) return null;
      const user: UserRecord = { id: `u${db.users.size + 1}`, ...u, disabledAt: null, sessionVersion: 0, createdAt: clock() };
      db.users.set(user.id, user);
      return copy(user);
    },
    async updateUser(id, patch) {
      return copy(Object.assign(db.users.get(id)!, patch));
    },
    async endSessions(id) {
      const u = db.users.get(id);
      if (u) u.sessionVersion += 1;
    },
    listUsers: async ({ search, after, limit }) => {
      const all = [...db.users.values()]
        .filter((u) => !search || u.email?.includes(search.toLowerCase()) || u.name?.includes(search))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
      const from = after ? all.findIndex((u) => u.id === after) + 1 : 0;
      return all.slice(from, from + limit).map(copy);
    },
  };
}

export function memoryRecordingStore(db: MemoryDb): RecordingStore {
  // Keyed by speaker and start, as the table's unique index: saving a segment again updates its end.
  const save = (id: string, segments: SpeechSegment[]) => {
    const saved = db.segments.get(id) ?? [];
    for (const s of segments) {
      const same = saved.find((x) => x.participantId === s.participantId && x.startMs === s.startMs);
      if (same) same.endMs = s.endMs;
      else saved.push(copy(s));
    }
    db.segments.set(id, saved);
  };
  return {
    async begin(r) {
      const call = db.calls.get(r.callId);
      if (!call || call.endedAt || call.recordingId) return false;
      call.recordingId = r.id;
      db.recordings.set(r.id, { ...r, status: "recording", endedAt: null, durationMs: null, deletedAt: null });
      return true;
    },
    async release(callId) {
      const call = db.calls.get(callId);
      const id = call?.recordingId ?? null;
      if (call) call.recordingId = null;
      return id;
    },
    saveSegments: async (id, segments) => save(id, segments),
    async complete(id, end) {
      Object.assign(db.recordings.get(id)!, { status: end.status, endedAt: end.endedAt, durationMs: Math.round(end.durationMs) });
      save(id, end.segments);
    },
    async releaseAll() {
      for (const c of db.calls.values()) c.recordingId = null;
      return [...db.recordings.values()].filter((r) => r.status === "recording").map(copy);
    },
    find: async (id) => (db.recordings.has(id) ? copy(db.recordings.get(id)!) : null),
    listForCall: async (callId) =>
      [...db.recordings.values()]
        .filter((r) => r.callId === callId)
        .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
        .map(copy),
    listSegments: async (id) => (db.segments.get(id) ?? []).map(copy).sort((a, b) => a.startMs - b.startMs),
    listEndedBefore: async (cutoff) =>
      [...db.recordings.values()].filter((r) => (r.status === "stopped" || r.status === "interrupted") && r.endedAt! < cutoff).map(copy),
    listConsenting: async (callId) =>
      db
        .inCall(callId)
        .filter((p) => p.recordingConsent === "yes")
        .map((p) => p.id),
    async markDeleted(id, at) {
      const r = db.recordings.get(id);
      if (!r || r.status === "deleted") return false;
      Object.assign(r, { status: "deleted", deletedAt: at });
      return true;
    },
  };
}

/** A notifier that only records what it was asked to send, in order (one line per port method). */
export class RecordingNotifier implements Notifier {
  sent: { kind: keyof Notifier; args: unknown[] }[] = [];
  participantJoined: Notifier["participantJoined"] = (...args) => this.record("participantJoined", args);
  participantUpdated: Notifier["participantUpdated"] = (...args) => this.record("participantUpdated", args);
  participantLeft: Notifier["participantLeft"] = (...args) => this.record("participantLeft", args);
  chatMessage: Notifier["chatMessage"] = (...args) => this.record("chatMessage", args);
  callEnded: Notifier["callEnded"] = (...args) => this.record("callEnded", args);
  notice: Notifier["notice"] = (...args) => this.record("notice", args);
  callUpdated: Notifier["callUpdated"] = (...args) => this.record("callUpdated", args);
  moderationLogged: Notifier["moderationLogged"] = (...args) => this.record("moderationLogged", args);
  disconnectParticipant: Notifier["disconnectParticipant"] = (...args) => this.record("disconnectParticipant", args);
  messageRemoved: Notifier["messageRemoved"] = (...args) => this.record("messageRemoved", args);
  reaction: Notifier["reaction"] = (...args) => this.record("reaction", args);

  /** The calls of one kind, oldest first, with the arguments as the port declares them. */
  of<K extends keyof Notifier>(kind: K): Parameters<Notifier[K]>[] {
    return this.sent.filter((s) => s.kind === kind).map((s) => s.args as Parameters<Notifier[K]>);
  }
  clear() {
    this.sent = [];
  }
  private record(kind: keyof Notifier, args: unknown[]) {
    this.sent.push({ kind, args });
  }
}

/** A media server that records what it was asked; `down` makes every call fail (degraded mode). */
export class FakeAudioRoom implements AudioRoom {
  calls: string[] = [];
  down = false;
  /** What the next verified webhook decodes to (null: an event we ignore). */
  webhook: AudioEvent | null = null;
  private record(call: string) {
    this.calls.push(call);
    if (this.down) return Promise.reject(new Error("media server unreachable"));
    return Promise.resolve();
  }
  async token(p: { callId: string; participantId: string; role: string }) {
    return `token:${p.callId}:${p.participantId}:${p.role}`;
  }
  applyRole = (callId: string, participantId: string, role: string, previous?: string) => this.record(`applyRole ${participantId} ${previous ?? "-"}→${role}`);
  muteMicrophone = (_callId: string, participantId: string) => this.record(`mute ${participantId}`);
  remove = (_callId: string, participantId: string) => this.record(`remove ${participantId}`);
  endRoom = (callId: string) => this.record(`end ${callId}`);
  reachable = async () => !this.down;
  publicUrl = (page: URL, forwardedProto: string | null) => `${forwardedProto === "https" ? "wss" : "ws"}://${page.hostname}:7880`;
  async verifyWebhook(rawBody: string, authorization: string | null) {
    if (authorization !== `signed ${rawBody}`)
      throw Object.assign(new Error("The webhook signature does not match its body."), { name: "AppError", code: "INVALID_SIGNATURE" });
    return this.webhook;
  }
}

/** A recorder that records nothing but remembers whom it would have; `unavailableBecause` turns it off. */
export class FakeRecorder implements Recorder {
  unavailableBecause: string | null = null;
  /** Per call: who is recorded, and where the segments go while it runs (a test plays the recorder's saves through it). */
  running = new Map<string, { speakers: string[]; startedAt: Date; saveSegments: (segments: SpeechSegment[]) => Promise<void> }>();
  /** What the next stop reports as not saved yet. */
  unsavedAtStop: SpeechSegment[] = [];
  unavailable = () => this.unavailableBecause;
  async start(r: { callId: string; speakers: string[]; startedAt: Date; saveSegments: (segments: SpeechSegment[]) => Promise<void> }) {
    this.running.set(r.callId, { speakers: r.speakers, startedAt: r.startedAt, saveSegments: r.saveSegments });
  }
  setSpeakers(callId: string, speakers: string[]) {
    const r = this.running.get(callId);
    if (r) r.speakers = speakers;
  }
  activeCalls = () => [...this.running.keys()];
  async stop(callId: string) {
    if (!this.running.delete(callId)) return null;
    return { durationMs: 1000, segments: this.unsavedAtStop.splice(0) };
  }
}

export class FakeRecordingFiles implements RecordingFiles {
  files = new Map<string, number>();
  /** Last writes a test set; a file without one was last written at the epoch. */
  modified = new Map<string, Date>();
  pathOf = (file: string) => `/recordings/${file}`;
  stat = async (file: string) => (this.files.has(file) ? { size: this.files.get(file)!, modifiedAt: this.modified.get(file) ?? new Date(0) } : null);
  remove = async (file: string) => void this.files.delete(file);
}

/** A clock that stands still until a test moves it. */
export class FixedClock {
  constructor(private at = new Date("2026-11-26T12:00:00.000Z")) {}
  now = () => new Date(this.at);
  advance(ms: number) {
    this.at = new Date(this.at.getTime() + ms);
  }
}

const TEST_ENV = parseEnv({ EARSHOT_SECRET: "s".repeat(32), NEXTAUTH_SECRET: "n".repeat(32), ADMIN_EMAILS: "root@example.com" });

/** The whole of Deps in memory, with handles on every fake; `overrides` changes settings (limits, timeouts). */
export function memoryDeps(overrides: { env?: Record<string, string> } = {}) {
  const env = overrides.env ? parseEnv({ EARSHOT_SECRET: "s".repeat(32), NEXTAUTH_SECRET: "n".repeat(32), ...overrides.env }) : TEST_ENV;
  const db = new MemoryDb();
  const clock = new FixedClock();
  const notifier = new RecordingNotifier();
  const audio = new FakeAudioRoom();
  const recorder = new FakeRecorder();
  const files = new FakeRecordingFiles();
  const limits = limiters(limitSettings(env), null);
  let ids = 0;
  const deps: Deps = {
    store: memoryStore(db),
    users: memoryUserStore(db, clock.now),
    history: memoryHistoryStore(db),
    moderation: memoryModerationStore(db),
    notifier,
    audio,
    recorder,
    recordings: memoryRecordingStore(db),
    recordingFiles: files,
    clock,
    // Deterministic: the first word of every list, then the next.
    randomInt: (n) => ids++ % n,
    // Real credentials (the socket handshake verifies them), dated by the test's clock.
    issueCredential: (callId, participantId) =>
      issueCredential(env.EARSHOT_SECRET, callId, participantId, env.CREDENTIAL_TTL_HOURS * 3_600_000, clock.now().getTime()),
    newId: () => `id-${++ids}`,
    limits: limits.limits,
    nodes: { self: "node-a", heartbeat: async () => undefined, alive: async () => null },
    config: { presenceTimeoutMs: env.PRESENCE_TIMEOUT_MS, callGraceMs: env.CALL_GRACE_MS, recordingRetentionDays: env.RECORDING_RETENTION_DAYS },
  };
  const accounts: AccountDeps = {
    users: deps.users,
    passwords: { hash: async (p) => `hash:${p}`, verify: async (p, h) => h === `hash:${p}` },
    signInLimits: limits.signIn,
    adminEmails: new Set(env.ADMIN_EMAILS.split(",").filter(Boolean)),
  };
  return { deps, accounts, env, db, clock, notifier, audio, recorder, files };
}
export type MemoryWorld = ReturnType<typeof memoryDeps>;
