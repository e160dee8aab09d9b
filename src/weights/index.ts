// ECCN 4E091 (model weights): the model catalog, publication status and the 4E091 determination.
export { type ModelRecord, type ModelEstimate, modelCatalog, resolveModel } from './catalog.js';
export { type Publication, publicationOf, publishedOn } from './published.js';
export {
  type WeightsQuery, type WeightsAnswer, type WeightsStatus, type LicenseException,
  weightsStatus, weightsAnswer, viewsAt,
} from './status.js';
export { type ModelOptions, type ModelReport, type SourcedEstimate, modelReport, trainingComputeOf, costOf } from './model.js';
