import type { InputHTMLAttributes, ReactNode } from "react";
import { inputClass } from "./styles";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> {
  id: string;
  label: ReactNode;
  /** Shown under the field; announced with it. */
  hint?: string;
  /** This field's problem, in a sentence; marks the field invalid. */
  error?: string | null;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function TextField({ id, label, hint, error, ...input }: TextFieldProps) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** A form's outcome in a sentence: an alert for a problem, a polite status for success. */
export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return tone === "error" ? (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {children}
    </p>
  ) : (
    <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
      {children}
    </p>
  );
}
