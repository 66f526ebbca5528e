import { Flex, Spin } from 'antd';
import { useReview } from '../../../app/review-context.js';
import { useOverviewData } from '../store/use-review-data.js';
import { ApplicantCard } from './applicant-card.js';
import { CategoryItems } from './category-items.js';
import { ProgressBar } from './progress-bar.js';

/** The review screen: who is reviewed, then the 7 categories and their 23 items with state and score. */
export function ReviewOverview() {
  const { review } = useReview();
  const data = useOverviewData(review.id);
  if (!data) return <Spin />;
  const { scores, noteCounts } = data;
  const set = review.assignment.criteriaSet;
  return (
    <Flex vertical gap="middle" data-testid="review-overview">
      <ApplicantCard />
      <ProgressBar scores={scores} />
      {set.categories.map((category) => (
        <CategoryItems key={category.id} category={category} scores={scores} noteCounts={noteCounts} material={review.assignment.materialReview} />
      ))}
    </Flex>
  );
}
