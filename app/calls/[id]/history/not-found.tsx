import { CallProblem } from "@/components/call/call-problem";

/** The same answer for a call that never existed and one you were not in: IDs cannot be probed. */
export default function HistoryNotFound() {
  return (
    <CallProblem
      title="No history to show"
      message="Either there is no call with that ID, or you were not in it. Only people who were in a call can read its history."
    />
  );
}
