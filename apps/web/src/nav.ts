import type { Me } from './api/types';

export interface NavItem {
  to: string;
  label: string;
}

/** What each kind of user finds in the menu; the first item is where they land after signing in. */
export function navFor(me: Me): NavItem[] {
  const roles = new Set(me.roles);
  const items: NavItem[] = [];
  const kind = me.organisation.kind;
  if (kind === 'MUNICIPALITY') {
    items.push({ to: '/verplichting', label: 'Onze verplichting' });
    if (roles.has('FINANCE'))
      items.push({ to: '/facturen', label: 'Facturen' }, { to: '/factuurgegevens', label: 'Factuurgegevens' });
    items.push({ to: '/contracten', label: 'Contracten' });
  }
  if (kind === 'ASSOCIATION') {
    items.push({ to: '/contracten', label: 'Contracten' }, { to: '/overzicht', label: 'Landelijk overzicht' });
    if (roles.has('FINANCE') || roles.has('CONTRACT_MANAGER'))
      items.push({ to: '/facturen', label: 'Facturen' }, { to: '/factuurrondes', label: 'Factuurrondes' });
    if (roles.has('CONTRACT_MANAGER')) items.push({ to: '/gegevens-laden', label: 'Gegevens laden' });
  }
  if (kind === 'PROVIDER') {
    items.push(
      { to: '/contracten', label: 'Contracten' },
      { to: '/facturen', label: 'Facturen' },
      { to: '/factuurrondes', label: 'Factuurrondes' },
      { to: '/statistieken', label: 'Dienstcijfers' },
      { to: '/overzicht', label: 'Gemeenten' },
    );
    if (roles.has('PROVIDER_ADMIN'))
      items.push({ to: '/diensten', label: 'Diensten' }, { to: '/aanbieder', label: 'Gegevens aanbieder' });
  }
  if (kind === 'OPERATOR') {
    items.push(
      { to: '/overzicht', label: 'Landelijk overzicht' },
      { to: '/contracten', label: 'Contracten' },
      { to: '/facturen', label: 'Facturen' },
      { to: '/factuurrondes', label: 'Factuurrondes' },
      { to: '/gegevens-laden', label: 'Gegevens laden' },
    );
  }
  if (roles.has('ORG_ADMIN') || roles.has('OPERATOR')) items.push({ to: '/beheer', label: 'Beheer' });
  items.push({ to: '/meldingen', label: 'Meldingen' });
  return items;
}

export function homeFor(me: Me): string {
  if (me.organisation.kind === 'MUNICIPALITY' && me.roles.includes('FINANCE') && !me.roles.includes('OFFICER'))
    return '/facturen';
  return navFor(me)[0].to;
}
