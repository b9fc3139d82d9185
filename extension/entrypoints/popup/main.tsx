import '../../zod-config';
import { mountPage } from '../../components/mount-page';
import { Popup } from './Popup';

mountPage((s) => <Popup settings={s} />);
