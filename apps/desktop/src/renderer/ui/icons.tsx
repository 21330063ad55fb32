import type { ReactNode } from 'react';

/**
 * Line icons drawn in SVG, in the text's colour and size. Emoji such as 📎 and 🔔 need a colour
 * emoji font, which many Linux desktops lack (they showed as empty boxes there).
 */
interface IconProps {
  className?: string;
}

function Icon({
  className = 'inline-block h-[1.1em] w-[1.1em] shrink-0 align-[-0.15em]',
  children,
}: IconProps & { children: ReactNode }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function PaperclipIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M16 6v10a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10a1 1 0 0 1-2 0V7" transform="rotate(40 12 12)" />
    </Icon>
  );
}

export function BellIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 3a5 5 0 0 0-5 5v4l-2 3h14l-2-3V8a5 5 0 0 0-5-5z" />
      <path d="M10 18a2 2 0 0 0 4 0" />
    </Icon>
  );
}
