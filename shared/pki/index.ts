export * from './signer-port.js';
export * from './x509-names.js';
export * from './certificates.js';
export * from './pem.js';
export * from './cms-signed-data.js';
export * from './pdf-signature-placeholder.js';
export * from './pades.js';
export * from './countersignature.js';
