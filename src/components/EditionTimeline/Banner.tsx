/**
 * The banner above a regulation's text, decided when the page is viewed: not in force yet,
 * no longer in force, about to change, or a draft. The server-rendered HTML carries a neutral
 * line that is true on any day (which edition this is and since when), in a box of the same
 * reserved height, so replacing it after hydration does not move the text below.
 */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { formatJalaliNumeric } from '@site/src/domain/jalali';
import { redlinePath, regulationPath, editionLabel } from '@site/src/lib/edition-paths';
import { datedEditions } from '@site/src/lib/edition-status';
import { useAyinData } from '@site/src/lib/useAyinData';
import { useEditionsData } from '@site/src/lib/useEditionHistory';
import { useViewingDay } from '@site/src/lib/useViewingDay';
import { bannerFor, governingChange } from './model';
import styles from './banner.module.css';

export default function EditionBanner({ code, edition }: { code: string; edition: string }): ReactNode {
  const { histories } = useEditionsData();
  const editions = datedEditions(useAyinData().editions);
  const today = useViewingDay();
  const history = histories[code];
  const banner = bannerFor(history, code, editions, edition, today);
  const names = editions.map((e) => e.name);
  const area = history?.area ?? '';
  const textIn = (name: string, c = code) => regulationPath(name, histories[c]?.area ?? area, c);

  let tone = styles.info;
  let body: ReactNode = null;
  switch (banner.kind) {
    case 'none':
      return null;
    case 'draft':
      tone = styles.warning;
      body = <>پیش‌نویس؛ منتشر نشده. این متن بخشی از ویرایش بعدِ در دست تهیه است و لازم‌الاجرا نیست.</>;
      break;
    case 'neutral':
      body = (
        <>
          متن ویرایش {editionLabel(banner.edition.name)}، لازم‌الاجرا از {formatJalaliNumeric(banner.edition.date)}.
        </>
      );
      break;
    case 'in-force':
      body = (
        <>
          این متن لازم‌الاجراست؛ ویرایش {editionLabel(banner.edition.name)}، از {formatJalaliNumeric(banner.edition.date)}.
        </>
      );
      break;
    case 'upcoming':
      tone = styles.warning;
      body = (
        <>
          این متن هنوز لازم‌الاجرا نیست؛ از {formatJalaliNumeric(banner.edition.date)} اجرا می‌شود.
          {banner.inForce && (
            <>
              {' '}
              <Link to={textIn(banner.inForce)}>متن لازم‌الاجرای کنونی</Link>
              {banner.changed && (
                <>
                  {' · '}
                  <Link to={redlinePath(code, banner.inForce, banner.edition.name)}>مقایسه با آن</Link>
                </>
              )}
            </>
          )}
        </>
      );
      break;
    case 'past-same-text':
      body = (
        <>
          این صفحه از ویرایش {editionLabel(banner.edition.name)} است؛ متن این مقرره در ویرایش لازم‌الاجرا ({editionLabel(banner.inForce.name)}) تغییری نکرده است.{' '}
          <Link to={textIn(banner.inForce.name)}>متن در ویرایش لازم‌الاجرا</Link>
        </>
      );
      break;
    case 'past':
      tone = styles.danger;
      body =
        banner.ended === 'repealed' ? (
          <>این متن منسوخ است؛ این مقرره از {formatJalaliNumeric(banner.since.date)} لغو شده و متن لازم‌الاجرایی ندارد.</>
        ) : (
          <>
            این متن منسوخ است؛ از {formatJalaliNumeric(banner.since.date)} متن دیگری لازم‌الاجراست.{' '}
            {banner.inForce && (
              <Link to={textIn(banner.inForce.edition, banner.inForce.code)} data-testid="banner-in-force-link">
                {banner.ended === 'superseded' ? `متن جایگزین (${banner.inForce.code})` : 'متن لازم‌الاجرا'}
              </Link>
            )}
          </>
        );
      break;
    case 'coming-change': {
      tone = styles.warning;
      const from = governingChange(history!, names, banner.coming.name) ? names[names.indexOf(banner.coming.name) - 1]! : edition;
      body = banner.ended ? (
        <>
          این مقرره از {formatJalaliNumeric(banner.coming.date)} {banner.ended === 'repealed' ? 'لغو می‌شود' : `جای خود را به ${history!.supersededBy?.join('، ')} می‌دهد`}.{' '}
          {banner.ended === 'superseded' && history!.supersededBy?.[0] && <Link to={textIn(banner.coming.name, history!.supersededBy[0])}>متن جایگزین</Link>}
        </>
      ) : (
        <>
          از {formatJalaliNumeric(banner.coming.date)} متن جدید لازم‌الاجرا می‌شود.{' '}
          <Link to={textIn(banner.coming.name)}>متن جدید (ویرایش {editionLabel(banner.coming.name)})</Link>
          {' · '}
          <Link to={redlinePath(code, from, banner.coming.name)}>تغییرات</Link>
        </>
      );
      break;
    }
  }
  return (
    <div className={`${styles.banner} ${tone}`} role="note" data-testid="edition-banner" data-kind={banner.kind}>
      {body}
    </div>
  );
}
