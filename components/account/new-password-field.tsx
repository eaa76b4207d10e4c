import { MIN_PASSWORD_LENGTH } from "@/lib/contracts/accounts";
import { TextField, type TextFieldProps } from "../ui/text-field";

/** A field for choosing a password: browsers may suggest a strong one, and the rule is stated up front. */
export function NewPasswordField(props: Omit<TextFieldProps, "type" | "autoComplete" | "hint">) {
  return <TextField type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} {...props} />;
}
