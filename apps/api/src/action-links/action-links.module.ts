import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { ActionLinksController } from './action-links.controller';
import { ActionLinksService } from './action-links.service';

/** Deciding from an email: the confirmation page and its POST. */
@Module({ imports: [PlansModule], controllers: [ActionLinksController], providers: [ActionLinksService] })
export class ActionLinksModule {}
