/** PAI facts from seed 004 (PAI permission management), shared by the constructs and the rule pack. */

/** PAI sub-services (seed 004, "PAI sub-service" column). */
export enum PaiFeature {
  ITAG = 'itag',
  DESIGNER = 'designer',
  DSW = 'dsw',
  DLC = 'dlc',
  AUTOML = 'automl',
  EAS = 'eas',
  LANGSTUDIO = 'langstudio',
  AI_ASSETS = 'ai-assets',
}

/** Cloud services each PAI sub-service depends on (seed 004 table). */
export const PAI_FEATURE_SERVICES: Record<PaiFeature, readonly string[]> = {
  [PaiFeature.ITAG]: ['OSS'],
  [PaiFeature.DESIGNER]: ['OSS', 'MaxCompute', 'Flink'],
  [PaiFeature.DSW]: ['OSS', 'NAS', 'VPC'],
  [PaiFeature.DLC]: ['OSS', 'NAS', 'VPC'],
  [PaiFeature.AUTOML]: ['OSS', 'MaxCompute'],
  [PaiFeature.EAS]: ['OSS', 'API Gateway', 'SLS', 'VPC', 'Cloud Monitor'],
  [PaiFeature.LANGSTUDIO]: ['OSS', 'SLS', 'VPC', 'OpenTelemetry'],
  [PaiFeature.AI_ASSETS]: ['ACR'],
};

/** System policies a RAM user needs to activate each dependent service (seed 004, "Policy required for activation"). */
export const PAI_ACTIVATION_POLICIES: Record<string, readonly string[]> = {
  'OSS': ['AliyunOSSFullAccess'],
  'MaxCompute': ['AliyunBSSOrderAccess', 'AliyunDataWorksFullAccess'],
  'Flink': ['AliyunStreamFullAccess'],
  'NAS': ['AliyunNASFullAccess'],
  'API Gateway': ['AliyunApiGatewayFullAccess'],
  'SLS': ['AliyunLogFullAccess'],
  'VPC': ['AliyunVPCFullAccess'],
  'Cloud Monitor': ['AliyunCloudMonitorFullAccess'],
  'OpenTelemetry': ['AliyunARMSFullAccess'],
  'ACR': ['AliyunContainerRegistryFullAccess'],
};

/** Activation policies for a set of features, without repeats. */
export function activationPolicies(features: readonly PaiFeature[]): string[] {
  return [...new Set(features.flatMap(f => PAI_FEATURE_SERVICES[f]).flatMap(s => PAI_ACTIVATION_POLICIES[s]))];
}
