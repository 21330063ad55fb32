/** Fixed for the life of the product: electron-builder.yml says the same (a test checks). */
export const APP_ID = 'org.switchboard.desktop';
export const PRODUCT_NAME = 'Switchboard';
export const PROTOCOL_SCHEME = 'switchboard';
