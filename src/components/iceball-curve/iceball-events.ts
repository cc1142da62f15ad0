import { IrEvent } from '../kit/events.js';
import type { QuestionableSample } from '../../models/cryo/questionable.js';

/** Data kept and drawn but flagged as questionable: an ice ball shrinking in a freeze, a sensor colder than the tips, a position outside the field. */
export class IrQuestionableEvent extends IrEvent<QuestionableSample> {
  static readonly type = 'ir-questionable';
  constructor(detail: QuestionableSample) {
    super(IrQuestionableEvent.type, detail);
  }
}
