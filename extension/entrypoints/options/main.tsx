import '../../zod-config';
import { mountPage } from '../../components/mount-page';
import { Options } from './Options';

mountPage((s) => <Options initial={s} />);
