/** The corpus summary the ayin-content plugin shares with every page. */
import { usePluginData } from '@docusaurus/useGlobalData';
import type { AyinSiteData } from '../../plugins/ayin-content/site-data';

export type AyinGlobalData = Omit<AyinSiteData, 'glossary'>;

export function useAyinData(): AyinGlobalData {
  return usePluginData('ayin-content') as AyinGlobalData;
}

export function useTermTitle() {
  const { taxonomy } = useAyinData();
  return (kind: keyof AyinGlobalData['taxonomy'], id: string) =>
    (taxonomy[kind] as readonly { id: string; title: string }[]).find((t) => t.id === id)?.title ?? id;
}
