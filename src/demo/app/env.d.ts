// Vite's client types: import.meta.glob, `?url` imports.
/// <reference types="vite/client" />
