export { GET, POST } from "@agora/auth/handlers";
