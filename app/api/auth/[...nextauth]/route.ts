import { appContext } from "@/lib/context";
import NextAuth from "next-auth";

// Built per request from the options server.ts composed (they hold the database adapter).
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(appContext().authOptions)(req, ctx);

export { handler as GET, handler as POST };
