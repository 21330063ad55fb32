import { useEffect } from 'react';
import { useSettings } from './store.js';

/** Applies the theme as a `dark` class on <html> (Tailwind's dark variant), following the OS for "system". */
export function useTheme(): void {
  const theme = useSettings((s) => s.settings.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches);
      document.documentElement.classList.toggle('dark', dark);
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
