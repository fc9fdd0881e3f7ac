import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useNotifications } from '../api/queries';
import { useAnnounce } from '../components/Announcer';
import { errorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';

export function Notifications() {
  const notifications = useNotifications();
  const queryClient = useQueryClient();
  const { success, failure } = useAnnounce();
  const markRead = async (id: string) => {
    try {
      await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
      success('Đã đánh dấu đã đọc.');
    } catch (error) {
      failure(errorMessage(error));
    }
  };
  const items = notifications.data?.items ?? [];
  return (
    <>
      <h1>Thông báo</h1>
      {notifications.isPending && <p>Đang tải…</p>}
      {notifications.isError && <p className="error-text">{errorMessage(notifications.error)}</p>}
      {notifications.data && items.length === 0 && <p>Chưa có thông báo nào.</p>}
      <ul className="cards">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? 'card' : 'card unread'}>
            <h2>
              {n.nominationId ? <Link to={`/ho-so/${n.nominationId}`}>{n.title}</Link> : n.title}
              {!n.readAt && <span className="badge"> Chưa đọc</span>}
            </h2>
            <p>{n.body}</p>
            <p>
              <small>{formatDateTime(n.createdAt)}</small>
            </p>
            {!n.readAt && (
              <button type="button" className="secondary" onClick={() => void markRead(n.id)}>
                Đánh dấu đã đọc
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
