/** The theme's navbar item types plus `custom-account`: the account menu (sign-in, the user's pages, sign-out). */
import ComponentTypes from '@theme-original/NavbarItem/ComponentTypes';
import AccountMenu from '@site/src/components/AccountMenu';

export default {
  ...ComponentTypes,
  'custom-account': AccountMenu,
};
