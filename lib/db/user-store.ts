import type { UserRecord, UserStore } from "../services/ports";
import type { Db } from "./client";
import { isUniqueViolation } from "./store";

const pick = (u: UserRecord): UserRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  passwordHash: u.passwordHash,
  disabledAt: u.disabledAt,
  sessionVersion: u.sessionVersion,
  createdAt: u.createdAt,
});

export function prismaUserStore(db: Db): UserStore {
  return {
    async findUser(id) {
      const u = await db.user.findUnique({ where: { id } });
      return u && pick(u);
    },
    async findUserByEmail(email) {
      const u = await db.user.findUnique({ where: { email } });
      return u && pick(u);
    },
    async createUser(data) {
      try {
        return pick(await db.user.create({ data }));
      } catch (e) {
        if (isUniqueViolation(e)) return null;
        throw e;
      }
    },
    async updateUser(id, patch) {
      return pick(await db.user.update({ where: { id }, data: patch }));
    },
    async endSessions(id) {
      await db.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
    },
    async listUsers({ search, after, limit }) {
      const rows = await db.user.findMany({
        where: search ? { OR: [{ email: { contains: search.toLowerCase() } }, { name: { contains: search } }] } : {},
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        take: limit,
      });
      return rows.map(pick);
    },
  };
}
