// An EXPOSE whose variable is unset expands to nothing, which is refused at its line.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''Dockerfile:3:11: EXPOSE $EXTRA_PORTS expands to nothing (variable EXTRA_PORTS not set). Declare the variable with a default (ARG PORT=8080) or set it in 'buildArgs'; variables that only a base image outside this Dockerfile sets are unknown to the plugin.''')
true
