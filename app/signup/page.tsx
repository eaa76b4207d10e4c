import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { SitePage } from "@/components/account/site-page";
import { currentUser } from "@/lib/adapters/page-session";
import { safeCallbackUrl } from "@/lib/domain/callback-url";

export const metadata: Metadata = { title: "Sign up · Earshot" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <SitePage user={null} current="signup" width="narrow">
      <SignUpForm callbackUrl={callbackUrl} />
    </SitePage>
  );
}
