/**
 * The site's icons: small inline SVGs drawn in the text colour, hidden from assistive
 * technology (the control or link beside them carries the words). Icons that point along the
 * reading direction are drawn for left-to-right and marked `directional`, so the stylesheet
 * mirrors them on right-to-left pages: "forward" always points to where the line ends.
 */

const shapes = {
  /** Forward along the reading direction (the next page, the other version). */
  'arrow-forward': { directional: true, d: 'M4 12h15M13 6l6 6-6 6' },
  'arrow-back': { directional: true, d: 'M20 12H5M11 6l-6 6 6 6' },
  'chevron-forward': { directional: true, d: 'M9 5l7 7-7 7' },
  'chevron-back': { directional: true, d: 'M15 5l-7 7 7 7' },
  'arrow-up': { directional: false, d: 'M12 20V5M6 11l6-6 6 6' },
  menu: { directional: false, d: 'M4 7h16M4 12h16M4 17h16' },
  close: { directional: false, d: 'M6 6l12 12M18 6L6 18' },
  /** Display settings: two sliders. */
  settings: { directional: false, d: 'M4 8h9M17 8h3M4 16h3M11 16h9M15 5v6M9 13v6' },
} as const;

export type IconName = keyof typeof shapes;

export function Icon({ name }: { name: IconName }) {
  const shape = shapes[name];
  return (
    <svg
      className={shape.directional ? 'icon icon-directional' : 'icon'}
      data-icon={name}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={shape.d} />
    </svg>
  );
}
