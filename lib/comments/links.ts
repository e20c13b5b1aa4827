import { LinkifyIt } from 'linkify-it';

/** Links a reader wrote with http:// or https://; nothing else becomes clickable. */
export const explicitLinks = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false })
  .add('mailto:', null)
  .add('ftp:', null)
  .add('//', null);

/** For counting, bare domains ("cheap-pills.example") count as links too. */
export const anyLinks = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false });
