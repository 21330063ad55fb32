import { useTranslation } from 'react-i18next';
import { primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { BellIcon } from '../../../ui/icons.js';
import { acceptOffer, declineOffer } from '../../chat/actions.js';
import { usePresence } from '../store.js';

/** Offered chats ring at the top of the window until accepted, declined or withdrawn. */
export function OfferBanner() {
  const { t } = useTranslation();
  const offers = usePresence((s) => s.offers);
  const list = Object.values(offers);
  if (list.length === 0) return null;
  return (
    <div
      className="flex flex-col gap-1 bg-indigo-600 px-4 py-2 text-white"
      role="alert"
      data-testid="offer-banner"
    >
      {list.map((offer) => (
        <div key={offer.offerId} className="flex items-center gap-3 text-sm">
          <BellIcon className="h-4 w-4 shrink-0 animate-pulse" />
          <span className="font-medium">{t('chat.offered')}:</span>
          <span>{offer.conversation.visitor.name ?? t('visitor.anonymous')}</span>
          <span className="ml-auto flex gap-2">
            <button
              type="button"
              className={`${primaryButton} bg-white text-indigo-700 hover:bg-indigo-50`}
              onClick={() => void acceptOffer(offer.offerId)}
            >
              {t('chat.accept')}
            </button>
            <button
              type="button"
              className={`${secondaryButton} text-white hover:bg-indigo-500`}
              onClick={() => void declineOffer(offer.offerId)}
            >
              {t('chat.decline')}
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
