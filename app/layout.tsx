import type { ReactNode } from 'react';
import './globals.css';

/**
 * Pass-through root layout: `<html>` is rendered by `app/[locale]/layout.tsx`, which knows
 * the language and direction, and by the two locale-less pages (`/` and the 404 page).
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
