import { CallProblem } from "@/components/call/call-problem";

/** A call link whose call never existed: said plainly, with the HTTP 404 it is. */
export default function CallNotFound() {
  return <CallProblem title="No such call" message="There is no call at this link. Check it for typos, or host a new call." />;
}
