export function isCrossSiteWrite(req: { method?: string; headers: Record<string, string | string[] | undefined> }, ownHosts: string[]): boolean;
export function crossSiteRefusal(homeUrl: string): string;
