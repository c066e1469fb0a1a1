// The machine's ceiling: a bare Node `http` server that answers every request with the bytes of a
// page captured from the storefront. Plain JavaScript run by plain `node` (no loader), on purpose.
//
// Usage: node bench/bare-server.mjs <port>=<file.html> [<port>=<file.html> ...]
// Prints "ready" once every port listens; stops on SIGTERM/SIGINT.
import { readFileSync } from "node:fs";
import http from "node:http";
import process from "node:process";

const pairs = process.argv.slice(2).map((arg) => {
  const [port, file] = arg.split("=");
  if (!port || !file || !Number.isInteger(Number(port))) throw new Error(`Expected <port>=<file>, got "${arg}"`);
  return { port: Number(port), body: readFileSync(file) };
});
if (pairs.length === 0) throw new Error("usage: bare-server.mjs <port>=<file.html> ...");

const servers = pairs.map(({ port, body }) => {
  const headers = { "content-type": "text/html; charset=utf-8", "content-length": String(body.length) };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
});

const listening = await Promise.all(servers);
process.stdout.write("ready\n");

const stop = () => {
  for (const server of listening) server.close();
  for (const server of listening) server.closeAllConnections();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
