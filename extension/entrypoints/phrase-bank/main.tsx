import '../../zod-config';
import { mountPage } from '../../components/mount-page';
import { PhraseBankPage } from './PhraseBankPage';

mountPage((s) => <PhraseBankPage settings={s} />);
