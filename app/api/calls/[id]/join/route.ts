export { POST } from "@/lib/adapters/join-route";
