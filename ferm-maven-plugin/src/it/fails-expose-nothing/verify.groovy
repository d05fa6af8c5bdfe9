// An EXPOSE whose variable is unset expands to nothing, which is refused at its line.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''Dockerfile:3:1: EXPOSE $EXTRA_PORTS expands to nothing (variable EXTRA_PORTS not set). Declare the variable with a default (ARG PORT=8080) or set it in 'buildArgs'.''')
true
