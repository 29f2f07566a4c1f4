/**
 * Routes of the training pages that the pages folder cannot express: `/verify` also answers
 * `/verify/<code>` (the link in a certificate's QR code). The server sends `verify.html` for
 * every `/verify/<code>`; this non-exact route makes the page, not the 404 page, render there
 * once React takes over in the browser.
 */
import type { Plugin } from '@docusaurus/types';

export default function trainingPagesPlugin(): Plugin {
  return {
    name: 'ayin-training-pages',
    async contentLoaded({ actions }) {
      actions.addRoute({ path: '/verify', exact: false, component: '@site/src/components/VerifyPage/index.tsx' });
    },
  };
}
