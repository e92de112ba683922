import { createSupervisor, type RestartPolicy } from "../supervisor";

/**
 * The supervisor running one command, for tests. Usage: supervise-command.ts <policy JSON> <command> [args…].
 * Its log goes to stdout, and "after children" marks the moment the database would be stopped.
 */
const [policy, command, ...args] = process.argv.slice(2);
if (!policy || !command) throw new Error("usage: supervise-command.ts <policy JSON> <command> [args…]");
const log = (line: string) => console.log(`[supervisor] ${line}`);
const supervisor = createSupervisor(log, async () => log("after children"), JSON.parse(policy) as RestartPolicy);
supervisor.start("child", command, args, process.env);
