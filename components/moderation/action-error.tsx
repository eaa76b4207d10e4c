/** The server's refusal of an action, read out when it appears. */
export function ActionError({ id, message, className = "" }: { id?: string; message: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={`text-xs text-red-700 dark:text-red-400 ${className}`}>
      {message}
    </p>
  );
}
