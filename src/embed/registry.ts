// registry.ts — every widget of the book, for its embed page /embed/<model name>/: the component (each
// takes only an `id`), its model (whose name is the page's name, the one the Share dialog links to) and
// the tag it has in the chapters' MDX (to find the chapter and the id it has there).
import BackpropCost from '../../components/widgets/BackpropCost/BackpropCost.astro';
import BatchCompare from '../../components/widgets/BatchCompare/BatchCompare.astro';
import ChainRule from '../../components/widgets/ChainRule/ChainRule.astro';
import DeepStack from '../../components/widgets/DeepStack/DeepStack.astro';
import GradientChecker from '../../components/widgets/GradientChecker/GradientChecker.astro';
import HiddenDelta from '../../components/widgets/HiddenDelta/HiddenDelta.astro';
import LossExplorer from '../../components/widgets/LossExplorer/LossExplorer.astro';
import MistakeCheck from '../../components/widgets/MistakeCheck/MistakeCheck.astro';
import Network221 from '../../components/widgets/Network221/Network221.astro';
import OutputDelta from '../../components/widgets/OutputDelta/OutputDelta.astro';
import ParallelNeurons from '../../components/widgets/ParallelNeurons/ParallelNeurons.astro';
import SigmoidDerivative from '../../components/widgets/SigmoidDerivative/SigmoidDerivative.astro';
import UpdateOrder from '../../components/widgets/UpdateOrder/UpdateOrder.astro';
import WeightUpdate from '../../components/widgets/WeightUpdate/WeightUpdate.astro';
import XorTrainer from '../../components/widgets/XorTrainer/XorTrainer.astro';
import { backpropCostModel } from '../../components/widgets/BackpropCost/model';
import { batchCompare } from '../../components/widgets/BatchCompare/model';
import { chainRule } from '../../components/widgets/ChainRule/model';
import { deepStackWidget } from '../../components/widgets/DeepStack/model';
import { gradientChecker } from '../../components/widgets/GradientChecker/model';
import { hiddenDelta } from '../../components/widgets/HiddenDelta/model';
import { lossExplorer } from '../../components/widgets/LossExplorer/model';
import { mistakeCheck } from '../../components/widgets/MistakeCheck/model';
import { network221 } from '../../components/widgets/Network221/model';
import { outputDelta } from '../../components/widgets/OutputDelta/model';
import { parallelNeurons } from '../../components/widgets/ParallelNeurons/model';
import { sigmoidDerivative } from '../../components/widgets/SigmoidDerivative/model';
import { updateOrder } from '../../components/widgets/UpdateOrder/model';
import { weightUpdate } from '../../components/widgets/WeightUpdate/model';
import { xorTrainer } from '../../components/widgets/XorTrainer/model';

export interface EmbeddableWidget {
  /** The tag in the chapters' MDX: <OutputDelta id="od1" />. */
  readonly tag: string;
  /** The model's name: the embed page is /embed/<name>/. */
  readonly name: string;
  // An Astro component (typed loosely: each widget's Props differ only in name).
  readonly component: (props: { id: string }) => unknown;
}

const entry = (tag: string, component: unknown, model: { readonly name: string }): EmbeddableWidget =>
  ({ tag, name: model.name, component: component as EmbeddableWidget['component'] });

/** Every widget, one embed page each. A new widget is one line here. */
export const embeddable: readonly EmbeddableWidget[] = [
  entry('SigmoidDerivative', SigmoidDerivative, sigmoidDerivative),
  entry('ChainRule', ChainRule, chainRule),
  entry('OutputDelta', OutputDelta, outputDelta),
  entry('HiddenDelta', HiddenDelta, hiddenDelta),
  entry('WeightUpdate', WeightUpdate, weightUpdate),
  entry('Network221', Network221, network221),
  entry('ParallelNeurons', ParallelNeurons, parallelNeurons),
  entry('LossExplorer', LossExplorer, lossExplorer),
  entry('GradientChecker', GradientChecker, gradientChecker),
  entry('DeepStack', DeepStack, deepStackWidget),
  entry('MistakeCheck', MistakeCheck, mistakeCheck),
  entry('UpdateOrder', UpdateOrder, updateOrder),
  entry('BatchCompare', BatchCompare, batchCompare),
  entry('BackpropCost', BackpropCost, backpropCostModel),
  entry('XorTrainer', XorTrainer, xorTrainer),
];
