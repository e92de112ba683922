import { handleAuthRoute } from "@/lib/auth/auth-route";

export { handleAuthRoute as GET, handleAuthRoute as POST };
