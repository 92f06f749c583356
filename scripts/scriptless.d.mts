import type { IncomingMessage, ServerResponse } from "node:http";

export function scriptlessCandidate(req: IncomingMessage): boolean;
export function stripNextRuntime(html: string): string;
export function linkWithoutScripts(value: string): string;
export function sendScriptless(req: IncomingMessage, res: ServerResponse): void;
