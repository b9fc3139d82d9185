import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, Deps } from './context';
import { ApiError } from './errors';
import { auth } from './middleware/auth';
import { corsOrigin } from './middleware/cors-origin';
import { GuessGuard } from './middleware/guessing';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { accessLogRoutes } from './routes/access-log';
import { calendarRoutes, publicCalendarRoutes } from './routes/calendar';
import { deadlineRoutes } from './routes/deadlines';
import { healthRoutes } from './routes/health';
import { iupRoutes } from './routes/iups';
import { rosterRoutes } from './routes/roster';
import { meRoutes } from './routes/me';
import { samtalRoutes } from './routes/samtal';
import { meetingRoutes } from './routes/meetings';
import { phraseRoutes } from './routes/phrases';
import { pupilRoutes } from './routes/pupils';
import { schoolRoutes } from './routes/school';
import { shareLinkRoutes } from './routes/share-links';
import { sharePageRoutes } from './routes/share-link-page';

/** The whole API, independent of runtime: Node and Workers differ only in the `db` they pass. */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(errorHandler());
  app.notFound(notFoundHandler());

  app.use('*', secureHeaders());
  app.use(
    '*',
    cors({
      origin: corsOrigin(deps.config.corsOrigins),
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
      exposeHeaders: ['ETag'],
      maxAge: 600,
    }),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.config.maxBodyBytes,
      onError: () => {
        throw new ApiError(
          413,
          'payload_too_large',
          `The request body is larger than ${deps.config.maxBodyBytes} bytes.`,
        );
      },
    }),
  );

  // One count of failed credentials for API tokens, share links and calendar feeds alike.
  const guesses = new GuessGuard(deps.config, deps.failureCounts);
  app.route('/v1/health', healthRoutes(deps));
  app.route('/v1/calendar', publicCalendarRoutes(deps, guesses));
  // Outside /v1 and its bearer auth: the link's token is the only credential a guardian has.
  app.route('/share', sharePageRoutes(deps, guesses));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'Personal token from `npm run admin -- token create`',
  });
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'IUP-stöd API',
      version: '1.0.0',
      description: 'Drafts, phrases, rosters, meetings and deadlines for IUP work.',
    },
  });

  app.use('/v1/*', auth(deps, guesses));
  app.route('/v1/me', meRoutes(deps));
  app.route('/v1/school', schoolRoutes(deps));
  app.route('/v1/pupils', pupilRoutes(deps));
  app.route('/v1/meetings', meetingRoutes(deps));
  app.route('/v1/samtal', samtalRoutes(deps));
  app.route('/v1/iups', iupRoutes(deps));
  app.route('/v1/phrases', phraseRoutes(deps));
  app.route('/v1/deadlines', deadlineRoutes(deps));
  app.route('/v1/roster', rosterRoutes(deps));
  app.route('/v1/access-log', accessLogRoutes(deps));
  app.route('/v1', calendarRoutes(deps));
  app.route('/v1', shareLinkRoutes(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
