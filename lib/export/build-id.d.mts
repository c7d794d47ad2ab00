export declare const BUILD_INPUTS: string[];
export declare const BUILD_ENV: string[];
export declare function computeBuildId(input: {
  projectDir: string;
  contentDir: string;
  env?: Record<string, string | undefined>;
  today?: string;
}): string;
