import { CallProblem } from "@/components/call/call-problem";

export default function NotFound() {
  return <CallProblem title="Page not found" message="There is nothing at this address. Calls live at /call/ followed by their three-word ID." />;
}
