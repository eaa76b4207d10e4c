import type { ComponentProps } from "react";

const VARIANTS = {
  primary:
    "bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-400 aria-disabled:bg-indigo-400 dark:disabled:bg-indigo-900 dark:disabled:text-indigo-300 dark:aria-disabled:bg-indigo-900 dark:aria-disabled:text-indigo-300",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:text-slate-400 aria-disabled:text-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:disabled:text-slate-500 dark:aria-disabled:text-slate-500",
  danger: "bg-red-600 text-white hover:bg-red-500 disabled:bg-red-400 aria-disabled:bg-red-400 dark:disabled:bg-red-900 dark:aria-disabled:bg-red-900",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = "primary", extra = ""): string {
  return `inline-flex items-center justify-center gap-1.5 rounded-lg px-3.5 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed aria-disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}

/**
 * `aria-disabled` (for "busy": the button keeps keyboard focus) makes it ignore
 * clicks as `disabled` would; `disabled` proper is for controls that are off.
 */
export function Button({ variant = "primary", className = "", type = "button", onClick, ...rest }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  const inactive = rest["aria-disabled"] === true || rest["aria-disabled"] === "true";
  return <button type={type} className={buttonClass(variant, className)} onClick={inactive ? (e) => e.preventDefault() : onClick} {...rest} />;
}
