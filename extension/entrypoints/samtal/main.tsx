import '../../zod-config';
import { mountPage } from '../../components/mount-page';
import { SamtalPage } from './SamtalPage';

mountPage((s) => <SamtalPage settings={s} />);
