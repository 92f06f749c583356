export * from "./campaigns";
export * from "./petitions";
export * from "./signatures";
export * from "./mail";
export * from "./auth";
export * from "./organizers";
export * from "./abuse";
export * from "./rallies";
