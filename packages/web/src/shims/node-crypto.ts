/**
 * Browser stand-in for `node:crypto`. packages/domain computes TOTP with node:crypto (server side); its barrel is also
 * imported by the UI, which never calls those functions. Without this stand-in Vite's dev server fails at import time.
 */
const unavailable = (name: string) => (): never => {
  throw new Error(`node:crypto.${name} is not available in the browser`);
};

export const createHmac = unavailable('createHmac');
export const randomBytes = unavailable('randomBytes');
export const createHash = unavailable('createHash');
export const timingSafeEqual = unavailable('timingSafeEqual');
export const randomUUID = (): string => crypto.randomUUID();
export default { createHmac, randomBytes, createHash, timingSafeEqual, randomUUID };
