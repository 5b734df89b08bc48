// Bootstrap Icons (MIT), bundled into the app at build time: no icon font, no CDN.
import arrowDown from 'bootstrap-icons/icons/arrow-down.svg?raw';
import arrowUp from 'bootstrap-icons/icons/arrow-up.svg?raw';
import bell from 'bootstrap-icons/icons/bell.svg?raw';
import bellFill from 'bootstrap-icons/icons/bell-fill.svg?raw';
import barChart from 'bootstrap-icons/icons/bar-chart-line.svg?raw';
import broadcast from 'bootstrap-icons/icons/broadcast.svg?raw';
import clock from 'bootstrap-icons/icons/clock-history.svg?raw';
import cloud from 'bootstrap-icons/icons/cloud-fill.svg?raw';
import exclamationTriangle from 'bootstrap-icons/icons/exclamation-triangle.svg?raw';
import heart from 'bootstrap-icons/icons/heart.svg?raw';
import heartFill from 'bootstrap-icons/icons/heart-fill.svg?raw';
import list from 'bootstrap-icons/icons/list.svg?raw';
import musicNote from 'bootstrap-icons/icons/music-note-beamed.svg?raw';
import search from 'bootstrap-icons/icons/search.svg?raw';
import signIn from 'bootstrap-icons/icons/box-arrow-in-right.svg?raw';
import signOut from 'bootstrap-icons/icons/box-arrow-right.svg?raw';
import trash from 'bootstrap-icons/icons/trash3.svg?raw';
import youtube from 'bootstrap-icons/icons/youtube.svg?raw';

export const ICONS = {
  arrowDown,
  arrowUp,
  barChart,
  bell,
  bellFill,
  broadcast,
  clock,
  cloud,
  exclamationTriangle,
  heart,
  heartFill,
  list,
  musicNote,
  search,
  signIn,
  signOut,
  trash,
  youtube,
} as const;

export type IconName = keyof typeof ICONS;
