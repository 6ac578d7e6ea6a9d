// zh-CN in the first load: the client's first render uses the same strings as the server's.
import { provideZhCN } from 'quotakit/i18n/zh-cn-all';

provideZhCN();
