// `server-only` throws outside React's server bundle; unit tests run lib/ code in plain Node.
export {};
