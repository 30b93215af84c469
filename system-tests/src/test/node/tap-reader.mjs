// A third-party reader of a Fleetmesh data tap (ADR 0015): the official Node client, the tap's .creds file and
// nothing of Fleetmesh's. It pulls 1,000 messages at a time, writes each one's stream sequence and subject down,
// then acknowledges the batch. CRASH_AFTER_BATCHES=n: after writing batch n+1 down, it kills itself (SIGKILL)
// before acknowledging it, the worst moment to crash.
import { connect, credsAuthenticator } from "nats";
import { appendFileSync, readFileSync } from "node:fs";

const [servers, credsFile, stream, consumer, inboxPrefix, out] = process.argv.slice(2);
const crashAfter = process.env.CRASH_AFTER_BATCHES === undefined ? -1 : Number(process.env.CRASH_AFTER_BATCHES);

const nc = await connect({ servers, inboxPrefix, authenticator: credsAuthenticator(readFileSync(credsFile)) });
const tap = await nc.jetstream().consumers.get(stream, consumer);
console.log(`reading ${stream}/${consumer}`);
for (let batches = 0; ; ) {
  const messages = [];
  for await (const message of await tap.fetch({ max_messages: 1000, expires: 2000 })) {
    messages.push(message);
  }
  if (messages.length === 0) {
    continue;
  }
  appendFileSync(out, messages.map((m) => `${m.seq} ${m.subject}\n`).join(""));
  if (batches === crashAfter) {
    console.log(`crashing with ${messages.length} written and not acknowledged`);
    process.kill(process.pid, "SIGKILL");
  }
  messages.forEach((m) => m.ack());
  await nc.flush();
  batches++;
  console.log(`batch ${batches}: ${messages.length} up to ${messages[messages.length - 1].seq}`);
}
