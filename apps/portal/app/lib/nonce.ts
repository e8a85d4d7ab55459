import { createContext, useContext } from 'react';

/** The CSP nonce while rendering on the server; empty in the browser (the nonce is not readable there). */
export const NonceContext = createContext('');
export const useNonce = () => useContext(NonceContext);
