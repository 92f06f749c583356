export function isCrossSiteWrite(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }, ownHosts: string[]): boolean;
export function crossSiteRefusal(homeUrl: string): string;
